import fc from "fast-check";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlAllowPrivateNetworkHeader } from "./access-control-allow-private-network.js";

headerLaws(accessControlAllowPrivateNetworkHeader, fc.constant(true as const));
