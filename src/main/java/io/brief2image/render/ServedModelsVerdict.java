package io.brief2image.render;

import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import java.util.List;
import java.util.Set;

/**
 * What the provider's model list means for this service: whether the default model is served, and
 * which models of the table (those sent over the OpenAI images API) it does not serve.
 */
public record ServedModelsVerdict(String defaultModel, boolean defaultServed, List<String> tableModelsNotServed) {

    public static ServedModelsVerdict of(ModelTable table, String defaultModel, Set<String> served) {
        List<String> notServed = table.ids().stream()
                .filter(id -> table.find(id).map(ModelSpec::api).orElse("").equals(ModelSpec.OPENAI_IMAGES))
                .filter(id -> !served.contains(id))
                .toList();
        return new ServedModelsVerdict(defaultModel, served.contains(defaultModel), notServed);
    }

    /** One sentence for health and lint. */
    public String sentence() {
        String head = defaultServed
                ? "default model " + defaultModel + " is served"
                : "default model " + defaultModel + " is NOT served by the provider (GET /models does not list it);"
                        + " set brief2image.model to a model it serves";
        return tableModelsNotServed.isEmpty() ? head
                : head + "; table models it does not serve: " + String.join(", ", tableModelsNotServed);
    }
}
