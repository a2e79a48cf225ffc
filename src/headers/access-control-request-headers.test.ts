import fc from "fast-check";
import { fieldName } from "../../test/arbitraries.js";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlRequestHeadersHeader } from "./access-control-request-headers.js";

headerLaws(accessControlRequestHeadersHeader, fc.array(fieldName, { minLength: 1, maxLength: 6 }) as fc.Arbitrary<never>);
