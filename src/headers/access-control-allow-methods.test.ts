import fc from "fast-check";
import { token } from "../../test/arbitraries.js";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlAllowMethodsHeader } from "./access-control-allow-methods.js";

headerLaws(accessControlAllowMethodsHeader, fc.array(fc.oneof(token, fc.constant("*")), { maxLength: 6 }) as fc.Arbitrary<never>);
