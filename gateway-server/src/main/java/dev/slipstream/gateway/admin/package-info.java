/** AdminService: API keys (create, list, disable), usage reports from the spend ledger, prompt reloads. */
@NonNullByDefault
package dev.slipstream.gateway.admin;

import com.linecorp.armeria.common.annotation.NonNullByDefault;
