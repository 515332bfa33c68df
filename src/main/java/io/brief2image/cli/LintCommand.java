package io.brief2image.cli;

import java.util.List;
import java.util.concurrent.Callable;
import io.brief2image.app.Settings;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** lint FILE...: validate briefs and preview the guideline rewrites, without any API call. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Validate briefs and preview guideline rewrites; with a key, also say which models the provider serves (its only API call).")
final class LintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Brief files (.json, .txt, .csv).")
    List<java.nio.file.Path> files;

    @Mixin
    SettingOptions settings = new SettingOptions();

    @ParentCommand
    Brief2Image parent;

    @Override
    public Integer call() {
        return new Lint(System.out, Settings.from(parent.values(settings.pairs)), Clock.systemUTC()).run(files);
    }
}
