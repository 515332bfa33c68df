package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.admission.SpendBudget;
import io.brief2image.base.Json;
import java.io.IOException;
import java.time.LocalDate;

/** A line's budget reservation as the store keeps it, to settle or release it when the line's result is read. */
final class Reservations {

    private Reservations() {
    }

    static String write(SpendBudget.Reservation reservation) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", reservation.id());
        json.put("day", reservation.day().toString());
        json.put("usd", reservation.usd());
        return json.toString();
    }

    static SpendBudget.Reservation read(String text) {
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            return new SpendBudget.Reservation(json.path("id").asText(), LocalDate.parse(json.path("day").asText()), json.path("usd").asDouble());
        } catch (IOException e) {
            throw new IllegalStateException("a batch line's reservation in the store could not be read", e);
        }
    }
}
