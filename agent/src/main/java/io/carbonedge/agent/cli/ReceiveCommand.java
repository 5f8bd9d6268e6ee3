package io.carbonedge.agent.cli;

import io.carbonedge.agent.receiver.PlatformReceiver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code carbonedge receive}: the reference park-platform receiver, until Ctrl-C. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Run the reference platform receiver: accepts SenML batches over CoAP, drops duplicates by "
                + "(gateway, stream, seq), stores them in DIR/receiver.db and prints a summary when stopped.")
final class ReceiveCommand implements Callable<Integer> {

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "0.0.0.0:5683",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "receiver-data",
            description = "Where the receiver keeps its database (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--path", defaultValue = PlatformReceiver.DEFAULT_PATH,
            description = "Resource path batches are posted to (default: ${DEFAULT-VALUE}).")
    String path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (colon <= 0 || port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--listen: expected HOST:PORT such as 0.0.0.0:5683, got '" + listen + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PlatformReceiver receiver = PlatformReceiver.start(listen.substring(0, colon), port, data, path);
        out.println("receiving on " + receiver.uri() + ", data in " + data.toAbsolutePath());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.print(receiver.summary());
            out.flush();
            receiver.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return Main.OK;
    }
}
