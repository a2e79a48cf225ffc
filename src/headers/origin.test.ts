import fc from "fast-check";
import { validOrigin } from "../../test/arbitraries.js";
import { headerLaws } from "../../test/header-laws.js";
import { originHeader } from "./origin.js";

headerLaws(originHeader, fc.oneof(validOrigin, fc.constant("null")) as fc.Arbitrary<never>);
