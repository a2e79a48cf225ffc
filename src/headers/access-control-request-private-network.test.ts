import fc from "fast-check";
import { headerLaws } from "../../test/header-laws.js";
import { accessControlRequestPrivateNetworkHeader } from "./access-control-request-private-network.js";

headerLaws(accessControlRequestPrivateNetworkHeader, fc.constant(true as const));
