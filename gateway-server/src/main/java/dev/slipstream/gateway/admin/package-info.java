/** AdminService: API keys (create, list, disable) and usage reports from the spend ledger. */
@NonNullByDefault
package dev.slipstream.gateway.admin;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
