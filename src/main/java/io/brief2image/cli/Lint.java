package io.brief2image.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.app.SettingValues;
import io.brief2image.app.Settings;
import io.brief2image.admission.CostEstimate;
import io.brief2image.admission.Estimates;
import io.brief2image.brief.Brief;
import io.brief2image.brief.BriefFiles;
import io.brief2image.brief.BriefReader;
import io.brief2image.brief.BriefValidator;
import io.brief2image.brief.ModelLifecycle;
import io.brief2image.brief.ModelNotices;
import io.brief2image.brief.ModelTable;
import io.brief2image.base.Source;
import io.brief2image.base.BriefFailure;
import io.brief2image.expansion.ExpansionMode;
import io.brief2image.guidelines.rules.GuidelineBlockedException;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.rules.Screened;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.brief2image.render.ProviderModels;
import io.brief2image.render.ServedModelsVerdict;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks briefs the way the pipeline would: errors (exit 1), the guideline rewrites that would be
 * made, and warnings about prompts that tend to disappoint. The only API call is, with a key, the
 * provider's model list.
 */
final class Lint {

    static final int NEAR_LIMIT_PERCENT = 90;
    static final int MAX_DESCRIPTORS = 30;

    private final PrintStream out;
    private final ModelLifecycle models;
    private final Settings.Provider provider;
    private final String defaultModel;
    private final BriefValidator validator;
    private final Guidelines guidelines;
    private final boolean gptConfigured;
    private final Estimates estimates;

    /** With the settings of this process (-D, environment, defaults) and {@code clock} saying what day it is. */
    Lint(PrintStream out, Clock clock) {
        this(out, Settings.from(SettingValues.ofProcess(Map.of())), clock);
    }

    /** {@code clock} says what day it is, for the models' shutdown dates. */
    Lint(PrintStream out, Settings settings, Clock clock) {
        this.out = out;
        this.provider = settings.provider();
        this.defaultModel = settings.models().model();
        this.gptConfigured = settings.expansion().mode(provider) == ExpansionMode.GPT;
        this.models = new ModelLifecycle(ModelTable.load(settings.models().table()), clock,
                ModelLifecycle.RetiredModels.of(settings.models().retired()));
        this.validator = new BriefValidator(models, defaultModel);
        this.guidelines = new Guidelines(GuidelinePolicy.loadFrom(settings.models().guidelines()), clock);
        this.estimates = Estimates.load("classpath:estimates.yaml", settings.models().table());
    }

    int run(List<Path> files) {
        int errors = providerModels() ? 0 : 1;
        ModelNotices.forDefault(models, defaultModel).forEach(notice -> out.println("warning: " + notice));
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<BriefFiles.QueuedBrief> briefs;
            try {
                briefs = BriefFiles.split(name, BriefFiles.utf8(Files.readAllBytes(file), name), "file");
            } catch (IOException | BriefFailure e) {
                out.printf("%s%n  ERROR %s%n", file, e instanceof BriefFailure f ? f.reason() : "cannot read: " + e.getMessage());
                errors++;
                continue;
            }
            for (BriefFiles.QueuedBrief queued : briefs) {
                errors += lint(file, queued) ? 0 : 1;
            }
        }
        out.printf("%d file(s), %d error(s)%n", files.size(), errors);
        return errors == 0 ? 0 : 1;
    }

    /**
     * With a key, the one API call lint makes: which models the provider serves. The default model
     * not being served is an error; a failed call only a warning, as in the service.
     */
    private boolean providerModels() {
        if (!provider.listsModels()) {
            return true;
        }
        try {
            ServedModelsVerdict verdict = ServedModelsVerdict.of(models.table(),
                    ModelNotices.servedDefault(models, defaultModel).id(), new ProviderModels(provider.baseUrl(), provider.apiKey(), Duration.ofSeconds(30)).served());
            out.println((verdict.defaultServed() ? "provider: " : "provider: ERROR ") + verdict.sentence());
            return verdict.defaultServed();
        } catch (ProviderModels.Failed e) {
            out.println("provider: warning: served models unknown (" + e.getMessage() + ")");
            return true;
        }
    }

    private boolean lint(Path file, BriefFiles.QueuedBrief queued) {
        String label = queued.envelope().sourceName().equals(file.getFileName().toString()) ? file.toString()
                : file + " (" + queued.envelope().sourceName() + ")";
        out.println(label);
        Brief brief;
        try {
            ObjectNode json = new BriefReader().read(queued.text(), queued.envelope().format());
            brief = validator.validate(json, queued.envelope(), new Source("file", queued.envelope().sourceName(), null, null, null));
        } catch (BriefFailure e) {
            out.println("  ERROR " + e.reason());
            return false;
        }
        out.printf("  ok: id %s, model %s, %d image(s)%n", brief.id(), brief.model().id(), brief.n());
        for (PolicyAction step : brief.policy()) {
            out.printf("  %s: %s %s%n", step.rule(), step.action(), step.detail());
        }
        if (brief.prompt() == null) {
            return true;
        }
        try {
            Screened screened = guidelines.screenBrief(brief.prompt(), brief.n(), brief.nGiven());
            for (PolicyAction action : screened.actions()) {
                out.printf("  guideline %s: %s %s%n", action.rule(), action.action(), action.detail());
            }
            if (!screened.text().equals(brief.prompt())) {
                out.println("  prompt after guidelines: " + screened.text());
            }
            out.println("  " + price(brief, screened));
            warnings(brief, screened).forEach(w -> out.println("  warning: " + w));
        } catch (GuidelineBlockedException e) {
            out.println("  ERROR guidelines: " + e.reason());
            return false;
        }
        return true;
    }

    /**
     * The estimate the budget would reserve for the brief's images, both ways: "$0.1665 now, $0.0833
     * batch", and which of them this brief asks for. The rules' expansion may lengthen the prompt by
     * a few tokens, so this is the estimate, not the bill.
     */
    private String price(Brief brief, Screened screened) {
        double now = CostEstimate.before(brief.model(), estimates, screened.text(), brief.size() == null ? "square" : brief.size(),
                brief.quality(), screened.n(), brief.isTune());
        String images = screened.n() + " image" + (screened.n() == 1 ? "" : "s");
        if (!brief.model().takesBatches()) {
            return String.format(Locale.ROOT, "price: $%.4f now (%s; model %s's server has no Batch API)", now, images, brief.model().id());
        }
        return String.format(Locale.ROOT, "price: $%.4f now, $%.4f batch (%s; this brief: %s)", now, now * brief.model().batchFactor(),
                images, brief.priority().wire());
    }

    private List<String> warnings(Brief brief, Screened screened) {
        List<String> warnings = new ArrayList<>(brief.warnings());
        // the guidelines rewrite the negations they can; the rest stays and tends to be drawn anyway
        Stream.concat(guidelines.negationsLeft(screened.text()).stream(), guidelines.negationsUnhandled(screened.text()).stream())
                .distinct()
                .forEach(n -> warnings.add("negation left in the prompt: '" + n
                        + "' (image models tend to draw what is negated; say what should be there instead)"));
        int length = brief.prompt().codePointCount(0, brief.prompt().length());
        int limit = brief.model().maxPromptChars();
        if (length * 100L >= (long) limit * NEAR_LIMIT_PERCENT) {
            warnings.add("the prompt is " + length + " characters, near the limit of " + limit + " for " + brief.model().id());
        }
        int descriptors = brief.prompt().split(",").length;
        if (descriptors > MAX_DESCRIPTORS) {
            warnings.add(descriptors + " comma-separated descriptors; more than about " + MAX_DESCRIPTORS
                    + " are mostly ignored by image models - describe the scene in sentences");
        }
        if (!gptConfigured && brief.expand() && looksNonEnglish(brief.prompt())) {
            warnings.add("the prompt does not look English and no GPT expansion is configured (no OPENAI_API_KEY, or expansion=rules),"
                    + " so it will not be translated; image models follow English best");
        }
        return warnings;
    }

    /** Mostly letters outside Latin script: a cheap, dependency-free hint, not language detection. */
    static boolean looksNonEnglish(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long nonLatin = text.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN).count();
        return letters > 0 && nonLatin * 2 > letters;
    }
}
