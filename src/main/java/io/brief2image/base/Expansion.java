package io.brief2image.base;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the captions were made: {@code mode} gpt, rules or verbatim; {@code note} says why a fallback
 * happened; {@code costUsd} what the brief's chat calls cost (shared by its images' cost_usd).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Expansion(String mode, String model, String note, Double costUsd) {

    public Expansion(String mode, String model, String note) {
        this(mode, model, note, null);
    }

    public Expansion withCost(double usd) {
        return usd > 0 ? new Expansion(mode, model, note, Math.round(usd * 1_000_000) / 1_000_000.0) : this;
    }
}
