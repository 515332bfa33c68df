package io.brief2image.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** replay: put dead letters back into the pipeline. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Requeue dead letters: files back into the inbox, DLQ messages onto queue briefs.")
final class ReplayCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return new Replay(System.out).run();
    }
}
