package io.brief2image.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.brief2image.base.Json;
import io.brief2image.expansion.RenderPlan;

/**
 * A batch brief's plan (after guidelines and expansion) as JSON in the store, so its images are
 * published with the same sidecar after a restart, without running guidelines or paid expansion again.
 */
final class PlanJson {

    private static final ObjectMapper MAPPER = Json.MAPPER.copy().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    static String write(RenderPlan plan) {
        try {
            return MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a brief's plan could not be written for the batch store: " + e.getOriginalMessage(), e);
        }
    }

    static RenderPlan read(String json) {
        try {
            return MAPPER.readValue(json, RenderPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch brief's plan in the store could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
