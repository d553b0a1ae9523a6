package dev.ridgeline.cli;

import dev.ridgeline.core.count.Convention;
import dev.ridgeline.core.count.CostReport;
import dev.ridgeline.core.graph.Model;
import dev.ridgeline.core.zoo.Zoo;
import dev.ridgeline.report.analysis.ModelSummaryTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ridgeline zoo list}: the bundled models with their params and MACs at their default input. */
@Command(name = "zoo",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "The bundled model zoo: models you can analyze by name.",
        footerHeading = "%nExamples:%n",
        footer = {"  ridgeline zoo list", "  ridgeline analyze resnet50"})
final class ZooCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main root;

    /** Without a subcommand: the usage, as bad input. */
    @Override
    public Integer call() {
        return Failures.missingSubcommand(spec, "a zoo command");
    }

    @Command(name = "list",
            mixinStandardHelpOptions = true,
            description = "List the zoo's models with their input, layers, params, MACs (batch 1) and description.",
            footerHeading = "%nExample:%n",
            footer = "  ridgeline zoo list")
    int list() {
        return Listings.print(spec, root, () -> {
            Map<String, CostReport> reports = new LinkedHashMap<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            for (String name : Zoo.names()) {
                Model model = Zoo.load(name);
                reports.put(name, Analyzer.analyze(model, null, 1, Convention.MACS));
                descriptions.put(name, model.description());
            }
            return ModelSummaryTable.render(reports, descriptions);
        });
    }
}
