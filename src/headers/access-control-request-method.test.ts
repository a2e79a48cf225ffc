import fc from "fast-check";
import { token } from "../../test/arbitraries.js";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlRequestMethodHeader } from "./access-control-request-method.js";

headerLaws(accessControlRequestMethodHeader, token as fc.Arbitrary<never>);
