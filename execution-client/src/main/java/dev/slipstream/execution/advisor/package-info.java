/**
 * The gateway's {@code ExecutionAdvisorService} as an {@link dev.slipstream.execution.strategy.Advisor}: requests
 * mapped to {@code ExecutionDecisionRequest}, answers and failures mapped back, every call under a deadline.
 */
@NullMarked
package dev.slipstream.execution.advisor;

import org.jspecify.annotations.NullMarked;
