package io.brief2image.cli;

import java.util.concurrent.Callable;
import io.brief2image.app.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** replay: put dead letters back into the pipeline. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Requeue dead letters: files back into the inbox, DLQ messages onto queue briefs.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    SettingOptions settings = new SettingOptions();

    @ParentCommand
    Brief2Image parent;

    @Override
    public Integer call() throws Exception {
        return new Replay(System.out, Settings.from(parent.values(settings.pairs))).run();
    }
}
