package dev.slipstream.execution.venue.bybit.rest;

import org.jspecify.annotations.Nullable;

/**
 * What a Bybit REST call can fail with, one type per {@code retCode} the client acts on (EXECUTION.md, "Bybit v5":
 * codes) plus the transport's own failures. {@link #retCode()} is 0 for failures that carried no Bybit answer.
 */
public abstract sealed class BybitException extends RuntimeException {

    private final int retCode;

    BybitException(int retCode, String message) {
        super(message);
        this.retCode = retCode;
    }

    BybitException(String message, @Nullable Throwable cause) {
        super(message, cause);
        this.retCode = 0;
    }

    public int retCode() {
        return retCode;
    }

    /** The typed exception for a non-zero {@code retCode}; codes the client does not act on stay {@link Rejected}. */
    public static BybitException forRetCode(int retCode, String retMsg, String path) {
        String message = path + ": retCode " + retCode + " (" + retMsg + ")";
        return switch (retCode) {
            case 10001 -> new InvalidParameter(retCode, message);
            case 10002 -> new TimestampRejected(retCode, message);
            case 10003, 10004 -> new AuthenticationFailed(retCode, message);
            case 10006 -> new RateLimited(retCode, message);
            case 110001 -> new OrderNotFound(retCode, message);
            case 110007 -> new InsufficientBalance(retCode, message);
            case 110017 -> new QuantityTruncatedToZero(retCode, message);
            case 110072, 170141 -> new DuplicateOrderLinkId(retCode, message);
            default -> new Rejected(retCode, message);
        };
    }

    /** 10001: a parameter is wrong; retrying the same request cannot help. */
    public static final class InvalidParameter extends BybitException {
        InvalidParameter(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** 10002: the timestamp fell outside the server's recv window; the client resyncs its clock and retries. */
    public static final class TimestampRejected extends BybitException {
        TimestampRejected(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** 10003 invalid key, 10004 bad signature: configuration is wrong, never retried. */
    public static final class AuthenticationFailed extends BybitException {
        AuthenticationFailed(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** 10006: the per-UID limit is spent; retried after the reset the headers announce. */
    public static final class RateLimited extends BybitException {
        RateLimited(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** 110001: no such order (unknown, or already done and archived). */
    public static final class OrderNotFound extends BybitException {
        OrderNotFound(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** 110007: not enough available balance. */
    public static final class InsufficientBalance extends BybitException {
        InsufficientBalance(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** 110017: the quantity truncates to zero at the instrument's step. */
    public static final class QuantityTruncatedToZero extends BybitException {
        QuantityTruncatedToZero(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** 110072 (derivatives) / 170141 (spot): the orderLinkId was used already, i.e. the order is placed. */
    public static final class DuplicateOrderLinkId extends BybitException {
        DuplicateOrderLinkId(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** Any other non-zero retCode: the request was refused as it stands. */
    public static final class Rejected extends BybitException {
        Rejected(int retCode, String message) {
            super(retCode, message);
        }
    }

    /** A 5xx, a timeout or a broken connection: the outcome is unknown, so only idempotent calls retry it. */
    public static final class TransportFailure extends BybitException {
        TransportFailure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * HTTP 403: Bybit banned this IP (at least ten minutes). The client stops sending anything and stays stopped;
     * trading must be restarted by a person.
     */
    public static final class TradingHalted extends BybitException {
        TradingHalted(String message) {
            super(0, message);
        }
    }
}
