package dev.slipstream.execution.venue.bybit.fake;

import java.time.Duration;

/** A failure the fake REST server gives the next request to one path, once. */
public sealed interface FakeBybitFault {

    /** retCode 10006 with the limit headers: the window is spent until {@code resetAfter} from now. */
    record RateLimited(Duration resetAfter) implements FakeBybitFault {}

    /** The request is carried out, but the answer comes {@code delay} late (longer than the client waits). */
    record AnswerLate(Duration delay) implements FakeBybitFault {}

    /** An HTTP error status without a Bybit envelope, the request not carried out. */
    record HttpStatus(int status) implements FakeBybitFault {}
}
