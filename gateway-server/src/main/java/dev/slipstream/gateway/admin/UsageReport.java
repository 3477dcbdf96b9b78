package dev.slipstream.gateway.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.slipstream.api.gateway.v1.GetUsageResponse;
import dev.slipstream.api.gateway.v1.UsageGrouping;
import dev.slipstream.api.gateway.v1.UsageRow;
import dev.slipstream.gateway.cost.SpendLedger.SpendRow;

/** Sums ledger rows into the groups a GetUsage request asks for. */
final class UsageReport {
    private UsageReport() {}

    static GetUsageResponse of(List<SpendRow> rows, Set<UsageGrouping> groupBy) {
        final EnumSet<UsageGrouping> grouping = groupBy.isEmpty() ? EnumSet.noneOf(UsageGrouping.class)
                                                                  : EnumSet.copyOf(groupBy);
        final Map<List<String>, UsageRow.Builder> groups = new TreeMap<>(LIST_ORDER);
        long total = 0;
        for (SpendRow row : rows) {
            final String day = grouping.contains(UsageGrouping.USAGE_GROUPING_DAY) ? row.key().day().toString() : "";
            final String tenant = grouping.contains(UsageGrouping.USAGE_GROUPING_TENANT) ? row.key().tenant() : "";
            final String keyId = grouping.contains(UsageGrouping.USAGE_GROUPING_KEY) ? row.key().keyId() : "";
            final String model = grouping.contains(UsageGrouping.USAGE_GROUPING_MODEL) ? row.key().model() : "";
            final UsageRow.Builder group = groups.computeIfAbsent(
                    List.of(day, tenant, keyId, model),
                    unused -> UsageRow.newBuilder().setDay(day).setTenant(tenant).setKeyId(keyId).setModel(model));
            group.setCostMicrosUsd(group.getCostMicrosUsd() + row.costMicrosUsd())
                 .setRequests(group.getRequests() + row.requests())
                 .setInputTokens(group.getInputTokens() + row.inputTokens())
                 .setOutputTokens(group.getOutputTokens() + row.outputTokens());
            total += row.costMicrosUsd();
        }
        final List<UsageRow> result = new ArrayList<>(groups.size());
        groups.values().forEach(group -> result.add(group.build()));
        return GetUsageResponse.newBuilder().addAllRows(result).setTotalCostMicrosUsd(total).build();
    }

    private static final Comparator<List<String>> LIST_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            final int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };
}
