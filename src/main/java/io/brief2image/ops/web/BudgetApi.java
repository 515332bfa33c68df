package io.brief2image.ops.web;

import io.brief2image.ops.AdminAccess;
import io.brief2image.admission.Budget;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /api/budget shows today's spend and limit; POST /api/budget?daily_usd=N raises (or, with 0,
 * removes) the limit without a restart, for an admin. A paused pipeline resumes at the next check.
 */
public final class BudgetApi {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetApi.class);

    private final AdminGuard guard;
    private final Budget budget;

    public BudgetApi(AdminAccess access, Budget budget) {
        this.guard = new AdminGuard(access);
        this.budget = budget;
    }

    public void show(Exchange exchange) {
        HttpReply.json(exchange, 200, state());
    }

    public void change(Exchange exchange) {
        if (!guard.allows(exchange, "change the budget")) {
            return;
        }
        String value = RequestInfo.text(exchange, "daily_usd");
        double limit;
        try {
            limit = Double.parseDouble(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            HttpReply.error(exchange, 400, "daily_usd: expected a number of US dollars such as 25 (0 = no budget), got '" + value + "'");
            return;
        }
        if (limit < 0 || Double.isNaN(limit) || Double.isInfinite(limit)) {
            HttpReply.error(exchange, 400, "daily_usd: must be 0 (no budget) or more, got " + value);
            return;
        }
        budget.setLimitUsd(limit);
        LOG.info("daily budget set to ${} over HTTP", limit);
        HttpReply.json(exchange, 200, state());
    }

    private Map<String, Object> state() {
        return Map.of("daily_budget_usd", budget.limitUsd(), "spent_today_usd", budget.spentTodayUsd(),
                "paused", budget.paused(), "reason", budget.reason());
    }
}
