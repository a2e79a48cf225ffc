import fc from "fast-check";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlAllowCredentialsHeader } from "./access-control-allow-credentials.js";

headerLaws(accessControlAllowCredentialsHeader, fc.constant(true as const));
