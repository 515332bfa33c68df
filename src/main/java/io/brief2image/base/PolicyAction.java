package io.brief2image.base;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing the guidelines changed or decided, kept so a brief's sidecar can explain its final prompt.
 * {@code by} says who found what the action is about when it was not the data rules themselves
 * ({@code gpt-guard}: the chat model's check of the final captions); null for the rules' own findings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyAction(String rule, String action, String detail, String by) {

    public PolicyAction(String rule, String action, String detail) {
        this(rule, action, detail, null);
    }
}
