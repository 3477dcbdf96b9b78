package dev.slipstream.gateway.admin;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Timestamp;
import com.linecorp.armeria.common.util.BlockingTaskExecutor;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc;
import dev.slipstream.api.gateway.v1.ApiKeyInfo;
import dev.slipstream.api.gateway.v1.CreateKeyRequest;
import dev.slipstream.api.gateway.v1.CreateKeyResponse;
import dev.slipstream.api.gateway.v1.DisableKeyRequest;
import dev.slipstream.api.gateway.v1.DisableKeyResponse;
import dev.slipstream.api.gateway.v1.GetUsageRequest;
import dev.slipstream.api.gateway.v1.GetUsageResponse;
import dev.slipstream.api.gateway.v1.KeyBudget;
import dev.slipstream.api.gateway.v1.KeyLimits;
import dev.slipstream.api.gateway.v1.ListKeysRequest;
import dev.slipstream.api.gateway.v1.ListKeysResponse;
import dev.slipstream.api.gateway.v1.ListProviderHealthRequest;
import dev.slipstream.api.gateway.v1.ListProviderHealthResponse;
import dev.slipstream.api.gateway.v1.ReloadPromptsRequest;
import dev.slipstream.api.gateway.v1.ReloadPromptsResponse;
import dev.slipstream.api.gateway.v1.UsageGrouping;
import dev.slipstream.gateway.auth.ApiKey;
import dev.slipstream.gateway.auth.ApiKeySecrets;
import dev.slipstream.gateway.auth.KeyRegistry;
import dev.slipstream.gateway.auth.ApiKeys;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.cache.ResponseCache;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.BudgetConfig;
import dev.slipstream.gateway.config.ConfigValidator;
import dev.slipstream.gateway.config.RateLimitConfig;
import dev.slipstream.gateway.cost.SpendLedger;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.prompt.PromptRegistry;
import dev.slipstream.gateway.prompt.ReloadOutcome;
import dev.slipstream.gateway.routing.Router;
import io.grpc.stub.StreamObserver;

/**
 * {@code slipstream.gateway.v1.AdminService}: operating the running gateway. Keys created or disabled here
 * reach every replica through the {@link KeyRegistry} when Redis is configured; without Redis they live in
 * this process only. A prompt reload applies to this replica's template directory.
 */
public final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {
    private static final Logger logger = LoggerFactory.getLogger(AdminGrpcService.class);
    private static final long MAX_USAGE_DAYS = 366;

    private final KeyRegistry keys;
    private final SpendLedger ledger;
    private final PromptRegistry prompts;
    private final Router router;
    private final ResponseCache cache;
    /** CreateKey answers by request_id, so that a retried request gets the same key instead of a second. */
    private final ConcurrentHashMap<String, CompletableFuture<CreateKeyResponse>> createdByRequestId =
            new ConcurrentHashMap<>();

    public AdminGrpcService(KeyRegistry keys, SpendLedger ledger, PromptRegistry prompts, Router router,
                            ResponseCache cache) {
        this.keys = requireNonNull(keys, "keys");
        this.ledger = requireNonNull(ledger, "ledger");
        this.prompts = requireNonNull(prompts, "prompts");
        this.router = requireNonNull(router, "router");
        this.cache = requireNonNull(cache, "cache");
    }

    @Override
    public void createKey(CreateKeyRequest request, StreamObserver<CreateKeyResponse> responseObserver) {
        final CompletableFuture<CreateKeyResponse> response =
                request.getRequestId().isEmpty()
                ? create(request)
                : createdByRequestId.computeIfAbsent(request.getRequestId(), unused -> create(request));
        reply(response, responseObserver);
    }

    private CompletableFuture<CreateKeyResponse> create(CreateKeyRequest request) {
        try {
            return createChecked(request);
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<CreateKeyResponse> createChecked(CreateKeyRequest request) {
        final String secret = ApiKeySecrets.generate();
        final ApiKeyConfig config = new ApiKeyConfig(
                request.getKeyId().isEmpty() ? null : request.getKeyId(), secret, null, request.getTenant(),
                request.getScopesCount() == 0 ? null : request.getScopesList(),
                request.getModelsCount() == 0 ? null : request.getModelsList(),
                request.getPromptsCount() == 0 ? null : request.getPromptsList(),
                new RateLimitConfig(request.getLimits().getRequestsPerMinute(),
                                    request.getLimits().getTokensPerMinute(),
                                    request.getLimits().getBurstPerSecond()),
                new BudgetConfig(request.getBudget().getDailyMicrosUsd(), request.getBudget().getMonthlyMicrosUsd()),
                false,
                request.hasExpireTime() ? Instant.ofEpochSecond(request.getExpireTime().getSeconds(),
                                                                request.getExpireTime().getNanos()).toString()
                                        : null, request.getBypassCache());
        final Set<String> ids = new HashSet<>();
        keys.keys().forEach(key -> ids.add(key.id()));
        final List<String> problems = ConfigValidator.validateApiKey(config, "key", ids);
        if (!problems.isEmpty()) {
            final List<FieldViolation> violations = new ArrayList<>();
            for (String problem : problems) {
                final int colon = problem.indexOf(": ");
                violations.add(new FieldViolation(problem.substring("key.".length(), colon),
                                                  problem.substring(colon + 2)));
            }
            throw GatewayException.invalid(violations);
        }
        final String creator = Principal.current().keyId();
        return keys.create(ApiKeys.compile(config)).thenApply(key -> {
            logger.info("API key '{}' of tenant '{}' created by API key '{}'", key.id(), key.principal().tenant(),
                        creator);
            return CreateKeyResponse.newBuilder().setKey(info(key)).setSecret(secret).build();
        });
    }

    @Override
    public void listKeys(ListKeysRequest request, StreamObserver<ListKeysResponse> responseObserver) {
        final ListKeysResponse.Builder response = ListKeysResponse.newBuilder();
        keys.keys().forEach(key -> response.addKeys(info(key)));
        responseObserver.onNext(response.build());
        responseObserver.onCompleted();
    }

    @Override
    public void disableKey(DisableKeyRequest request, StreamObserver<DisableKeyResponse> responseObserver) {
        final String disabler = Principal.current().keyId();
        final CompletableFuture<DisableKeyResponse> response;
        try {
            response = keys.disable(request.getKeyId()).thenApply(disabled -> {
                logger.info("API key '{}' disabled by API key '{}'", disabled.id(), disabler);
                return DisableKeyResponse.newBuilder().setKey(info(disabled)).build();
            });
        } catch (GatewayException e) {
            responseObserver.onError(e);
            return;
        }
        reply(response, responseObserver);
    }

    private static <T> void reply(CompletableFuture<T> response, StreamObserver<T> responseObserver) {
        response.whenComplete((value, failure) -> {
            if (failure != null) {
                responseObserver.onError(failure);
            } else {
                responseObserver.onNext(value);
                responseObserver.onCompleted();
            }
        });
    }

    @Override
    public void getUsage(GetUsageRequest request, StreamObserver<GetUsageResponse> responseObserver) {
        final LocalDate start;
        final LocalDate end;
        try {
            start = day("start_day", request.getStartDay());
            end = day("end_day", request.getEndDay());
            if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_USAGE_DAYS) {
                throw GatewayException.invalid(List.of(new FieldViolation(
                        "end_day", "'" + end + "' (expected: from start_day, " + start + ", to at most " +
                                   MAX_USAGE_DAYS + " days later)")));
            }
        } catch (GatewayException e) {
            responseObserver.onError(e);
            return;
        }
        final Set<UsageGrouping> groupBy = EnumSet.noneOf(UsageGrouping.class);
        request.getGroupByList().forEach(grouping -> {
            if (grouping != UsageGrouping.USAGE_GROUPING_UNSPECIFIED && grouping != UsageGrouping.UNRECOGNIZED) {
                groupBy.add(grouping);
            }
        });
        reply(ledger.rows(start, end).thenApply(rows -> UsageReport.of(rows, groupBy)), responseObserver);
    }

    @Override
    public void reloadPrompts(ReloadPromptsRequest request, StreamObserver<ReloadPromptsResponse> responseObserver) {
        // Reading and validating the directory is file I/O: off the event loop.
        final BlockingTaskExecutor executor = ServiceRequestContext.current().blockingTaskExecutor();
        executor.execute(() -> {
            final ReloadOutcome outcome = prompts.reload();
            responseObserver.onNext(ReloadPromptsResponse.newBuilder()
                                                         .setApplied(outcome.applied())
                                                         .addAllProblems(outcome.problems())
                                                         .setLiveTemplateCount(outcome.liveTemplateCount())
                                                         .setDirectory(outcome.directory())
                                                         .build());
            responseObserver.onCompleted();
        });
    }

    @Override
    public void listProviderHealth(ListProviderHealthRequest request,
                                   StreamObserver<ListProviderHealthResponse> responseObserver) {
        responseObserver.onNext(ProviderHealthReport.of(router, cache));
        responseObserver.onCompleted();
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw GatewayException.invalid(List.of(new FieldViolation(
                    field, "'" + value + "' (expected: a UTC day as YYYY-MM-DD)")));
        }
    }

    private static ApiKeyInfo info(ApiKey key) {
        final Principal principal = key.principal();
        final ApiKeyInfo.Builder info =
                ApiKeyInfo.newBuilder()
                          .setKeyId(key.id())
                          .setTenant(principal.tenant())
                          .addAllModels(principal.models().globs())
                          .addAllPrompts(principal.prompts().globs())
                          .setLimits(KeyLimits.newBuilder()
                                              .setRequestsPerMinute(principal.limits().requestsPerMinute())
                                              .setTokensPerMinute(principal.limits().tokensPerMinute())
                                              .setBurstPerSecond(principal.limits().burstPerSecond()))
                          .setBudget(KeyBudget.newBuilder()
                                              .setDailyMicrosUsd(principal.budget().dailyMicrosUsd())
                                              .setMonthlyMicrosUsd(principal.budget().monthlyMicrosUsd()))
                          .setDisabled(key.disabled())
                          .setBypassCache(principal.bypassCache());
        for (Scope scope : Scope.values()) {
            if (principal.scopes().contains(scope)) {
                info.addScopes(scope.configName());
            }
        }
        final Instant expiresAt = key.expiresAt();
        if (expiresAt != null) {
            info.setExpireTime(Timestamp.newBuilder().setSeconds(expiresAt.getEpochSecond())
                                        .setNanos(expiresAt.getNano()));
        }
        return info.build();
    }
}
