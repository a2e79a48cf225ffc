import fc from "fast-check";
import { headerLaws } from "../../test/header-laws.js";
import { DeltaSeconds } from "../syntax/delta-seconds.js";
import { accessControlMaxAgeHeader } from "./access-control-max-age.js";

headerLaws(
  accessControlMaxAgeHeader,
  fc.integer({ min: 0, max: 2147483648 }).map((n) => DeltaSeconds.from(n)),
);
