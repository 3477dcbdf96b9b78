package dev.slipstream.execution.venue.bybit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.execution.order.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Order requests are refused before they reach Bybit when they could not be right; rules round every child. */
class OrderRulesTest {

    private static final InstrumentRules BTC = new InstrumentRules("BTCUSDT", new BigDecimal("0.1"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("100"), new BigDecimal("50"),
            new BigDecimal("5"));

    @Test
    void orderLinkIdMustBeAtMost36OfTheAllowedCharacters() {
        String longest = "a".repeat(36);
        assertThat(OrderRequest.market("BTCUSDT", Side.BUY, BigDecimal.ONE, longest).orderLinkId()).isEqualTo(longest);
        assertThatThrownBy(() -> OrderRequest.market("BTCUSDT", Side.BUY, BigDecimal.ONE, longest + "a"))
                .hasMessage("orderLinkId: " + longest + "a (expected: 1-36 of [A-Za-z0-9_-])");
        assertThatThrownBy(() -> OrderRequest.market("BTCUSDT", Side.BUY, BigDecimal.ONE, "p1.E1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRequest.market("BTCUSDT", Side.BUY, BigDecimal.ONE, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitNeedsAPriceAndMarketCannotBePostOnly() {
        assertThatThrownBy(() -> new OrderRequest("BTCUSDT", Side.BUY, OrderRequest.OrderType.LIMIT, BigDecimal.ONE,
                null, OrderRequest.TimeInForce.GTC, "a")).hasMessageContaining("price");
        assertThatThrownBy(() -> new OrderRequest("BTCUSDT", Side.BUY, OrderRequest.OrderType.MARKET, BigDecimal.ONE,
                null, OrderRequest.TimeInForce.POST_ONLY, "a")).hasMessageContaining("PostOnly");
        assertThatThrownBy(() -> OrderRequest.market("BTCUSDT", Side.BUY, BigDecimal.ZERO, "a"))
                .hasMessageContaining("quantity");
    }

    @Test
    void quantitiesRoundDownToTheStepAndPricesAwayFromCrossing() {
        assertThat(BTC.roundQuantity(new BigDecimal("0.12345"))).isEqualByComparingTo("0.123");
        assertThat(BTC.roundPrice(new BigDecimal("50000.17"), Side.BUY)).isEqualByComparingTo("50000.1");
        assertThat(BTC.roundPrice(new BigDecimal("50000.11"), Side.SELL)).isEqualByComparingTo("50000.2");
    }

    @Test
    void aChildThatRoundsToZeroOrBelowTheMinimumsIsRefused() {
        BigDecimal price = new BigDecimal("50000");
        assertThat(BTC.violation(BTC.roundQuantity(new BigDecimal("0.0009")), price, true)).hasValueSatisfying(
                reason -> assertThat(reason).contains("rounds to zero"));
        assertThat(BTC.violation(new BigDecimal("0.001"), new BigDecimal("1000"), false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("minNotionalValue"));
        assertThat(BTC.violation(new BigDecimal("101"), price, false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("maxOrderQty 100"));
        assertThat(BTC.violation(new BigDecimal("60"), price, true))
                .hasValueSatisfying(reason -> assertThat(reason).contains("maxMktOrderQty 50"));
        assertThat(BTC.violation(new BigDecimal("60"), price, false)).isEmpty();
        assertThat(BTC.violation(new BigDecimal("0.001"), price, true)).isEmpty();
    }

    @Test
    void everyRetCodeOfTheTableHasItsType() {
        assertThat(BybitException.forRetCode(10001, "m", "/p")).isInstanceOf(BybitException.InvalidParameter.class);
        assertThat(BybitException.forRetCode(10002, "m", "/p")).isInstanceOf(BybitException.TimestampRejected.class);
        assertThat(BybitException.forRetCode(10003, "m", "/p")).isInstanceOf(BybitException.AuthenticationFailed.class);
        assertThat(BybitException.forRetCode(10004, "m", "/p")).isInstanceOf(BybitException.AuthenticationFailed.class);
        assertThat(BybitException.forRetCode(10006, "m", "/p")).isInstanceOf(BybitException.RateLimited.class);
        assertThat(BybitException.forRetCode(110001, "m", "/p")).isInstanceOf(BybitException.OrderNotFound.class);
        assertThat(BybitException.forRetCode(110007, "m", "/p")).isInstanceOf(BybitException.InsufficientBalance.class);
        assertThat(BybitException.forRetCode(110017, "m", "/p"))
                .isInstanceOf(BybitException.QuantityTruncatedToZero.class);
        assertThat(BybitException.forRetCode(110072, "m", "/p"))
                .isInstanceOf(BybitException.DuplicateOrderLinkId.class);
        assertThat(BybitException.forRetCode(170141, "m", "/p"))
                .isInstanceOf(BybitException.DuplicateOrderLinkId.class);
        assertThat(BybitException.forRetCode(12345, "odd", "/p")).isInstanceOf(BybitException.Rejected.class)
                .hasMessage("/p: retCode 12345 (odd)");
    }
}
