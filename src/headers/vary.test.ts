import fc from "fast-check";
import { fieldName } from "../../test/arbitraries.js";
import { headerLaws } from "../../test/header-laws.js";
import { varyHeader } from "./vary.js";

headerLaws(
  varyHeader,
  fc.oneof(
    fc.constant("*" as const),
    fc.array(
      fieldName.filter((n) => n !== "*"),
      { maxLength: 6 },
    ),
  ) as fc.Arbitrary<never>,
);
