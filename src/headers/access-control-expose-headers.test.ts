import fc from "fast-check";
import { fieldName } from "../../test/arbitraries.js";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlExposeHeadersHeader } from "./access-control-expose-headers.js";

headerLaws(
  accessControlExposeHeadersHeader,
  fc.array(fc.oneof(fieldName, fc.constant("*")), { maxLength: 6 }) as fc.Arbitrary<never>,
);
