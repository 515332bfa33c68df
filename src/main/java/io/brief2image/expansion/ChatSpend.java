package io.brief2image.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.admission.PaymentAdmission;
import io.brief2image.admission.SpendBudget;
import io.brief2image.admission.CostEstimate;
import io.brief2image.admission.Estimates;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Chat calls are paid requests too: each reserves its estimated cost against the daily budget
 * before it is sent and settles it to the cost of the reply's {@code usage}, priced from the chat
 * table in estimates.yaml. What a brief's chat calls cost is added up on its {@link Tab}, so it
 * lands in the images' {@code cost_usd}. A brief is worked on by one consumer thread from intake to
 * outbox, so the open tab is the thread's.
 */
public final class ChatSpend {

    private static final ThreadLocal<Tab> OPEN = new ThreadLocal<>();

    @FunctionalInterface
    public interface Call<T> {
        T run(AtomicReference<JsonNode> usage) throws IOException;
    }

    /** The chat spend of one brief while it is expanded. */
    public static final class Tab implements AutoCloseable {
        private final String briefId;
        private double usd;

        private Tab(String briefId) {
            this.briefId = briefId;
        }

        public double usd() {
            return usd;
        }

        @Override
        public void close() {
            OPEN.remove();
        }
    }

    private final PaymentAdmission admission;
    private final Estimates estimates;

    public ChatSpend(PaymentAdmission admission, Estimates estimates) {
        this.admission = admission;
        this.estimates = estimates;
    }

    public static Tab open(String briefId) {
        Tab tab = new Tab(briefId);
        OPEN.set(tab);
        return tab;
    }

    <T> T paid(String model, int requestBytes, Call<T> call) throws IOException {
        Tab tab = OPEN.get();
        String owner = tab == null ? "(none)" : tab.briefId;
        SpendBudget.Reservation reservation = admission.admit("chat request", owner,
                CostEstimate.chatBefore(estimates, model, requestBytes), 0);
        AtomicReference<JsonNode> usage = new AtomicReference<>();
        T result;
        try {
            result = call.run(usage);
        } catch (IOException | RuntimeException e) {
            // an error reply is not billed; a reply that arrived is, even if it is unusable
            if (usage.get() == null) {
                admission.release(reservation);
                throw e;
            }
            settle(reservation, model, usage.get(), tab);
            throw e;
        }
        settle(reservation, model, usage.get(), tab);
        return result;
    }

    private void settle(SpendBudget.Reservation reservation, String model, JsonNode usage, Tab tab) {
        double actual = CostEstimate.chat(estimates.chatPrice(model), usage);
        // a server that reports no usage is charged what was reserved
        double cost = actual < 0 ? reservation.usd() : actual;
        admission.settle(reservation, cost);
        if (tab != null) {
            tab.usd += cost;
        }
    }
}
