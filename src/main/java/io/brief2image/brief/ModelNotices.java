package io.brief2image.brief;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator should know at start (and in lint) about the model setting and the table's
 * lifecycle dates: the default model shut down (replaced or refused) or shutting down soon.
 */
public final class ModelNotices {

    private static final Logger LOG = LoggerFactory.getLogger(ModelNotices.class);

    private ModelNotices() {
    }

    /** Sentences about the model setting, today; empty when the default model is served and not shutting down soon. */
    public static List<String> forDefault(ModelLifecycle lifecycle, String defaultModel) {
        List<String> notices = new ArrayList<>();
        try {
            ModelLifecycle.Resolved resolved = lifecycle.resolve(defaultModel);
            if (!resolved.policy().isEmpty()) {
                String served = resolved.model().id();
                notices.add("The model setting names " + defaultModel + ", which was shut down on "
                        + lifecycle.table().find(defaultModel).orElseThrow().shutdown() + ": briefs without a model are rendered on "
                        + served + "; set brief2image.model=" + served + " to say so.");
            }
            notices.addAll(resolved.warnings());
        } catch (ModelLifecycle.Refused refused) {
            notices.add(refused.sentence("The model setting") + " Until it is changed, briefs without a model are dead-lettered.");
        }
        return notices;
    }

    /** Logs the notices and returns the model briefs without a model are checked against. */
    public static ModelSpec logAtStart(ModelLifecycle lifecycle, String defaultModel) {
        forDefault(lifecycle, defaultModel).forEach(notice -> LOG.warn("{}", notice));
        return servedDefault(lifecycle, defaultModel);
    }

    /** The model briefs without a model are rendered on today: the setting's, or its replacement once it is shut down. */
    public static ModelSpec servedDefault(ModelLifecycle lifecycle, String defaultModel) {
        try {
            return lifecycle.resolve(defaultModel).model();
        } catch (ModelLifecycle.Refused refused) {
            return lifecycle.table().find(defaultModel).orElseThrow();
        }
    }
}
