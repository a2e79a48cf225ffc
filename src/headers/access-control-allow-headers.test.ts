import fc from "fast-check";
import { fieldName } from "../../test/arbitraries.js";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlAllowHeadersHeader } from "./access-control-allow-headers.js";

headerLaws(
  accessControlAllowHeadersHeader,
  fc.array(fc.oneof(fieldName, fc.constant("*")), { maxLength: 6 }) as fc.Arbitrary<never>,
);
