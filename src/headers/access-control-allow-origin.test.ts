import fc from "fast-check";
import { validOrigin } from "../../test/arbitraries.js";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlAllowOriginHeader } from "./access-control-allow-origin.js";

headerLaws(accessControlAllowOriginHeader, fc.oneof(validOrigin, fc.constantFrom("null", "*")) as fc.Arbitrary<never>);
