package dev.ridgeline.measure.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.core.BadInputException;
import dev.ridgeline.hardware.device.DeviceProfile;
import dev.ridgeline.hardware.device.Devices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-layer profiles (trtexec --exportProfile, ONNX Runtime traces) in a fit of published figures. */
class PublishedProfileFitTest {
    private static final String HEADER = "model,input,batch,precision,milliseconds,source,profile\n";

    /** A trtexec profile of resnet18 on the T4 with planted constants, each kernel named "head + members". */
    private static double writeTrtexecProfile(Path file, double ce, double me, double ko) throws IOException {
        DeviceProfile t4 = Devices.resolve("t4:tensorrt");
        PublishedFigure probe = PublishedFigures.read(csv(file.getParent(), "resnet18,3x224x224,1,int8,1,probe,\n"))
                .get(0);
        FigureTerms terms = FigureTerms.of(probe, t4);
        StringBuilder json = new StringBuilder("[{\"count\": 100}");
        double total = 0;
        for (int k = 0; k < terms.kernels(); k++) {
            double s = terms.kernelSeconds(k, ce, me, ko);
            total += s;
            json.append(String.format(Locale.ROOT, ", {\"name\": \"%s + some_fused_member\", \"timeMs\": %.9f,"
                    + " \"averageMs\": %.9f, \"percentage\": 1}", terms.kernelNames().get(k), s * 100e3, s * 1e3));
        }
        Files.writeString(file, json.append("]").toString());
        return total;
    }

    private static Path csv(Path dir, String rows) throws IOException {
        Path csv = dir.resolve("figures.csv");
        Files.writeString(csv, HEADER + rows);
        return csv;
    }

    @Test
    void aTrtexecProfilePinsTheEfficienciesAndTheTimePerKernel(@TempDir Path dir) throws IOException {
        double kernels = writeTrtexecProfile(dir.resolve("r18.json"), 0.4, 0.6, 2.0e-5);
        double inference = 1.0e-4;
        PublishedFigure r50 = PublishedFigures.read(csv(dir, "resnet50,3x224x224,1,int8,1,probe,\n")).get(0);
        double r50Seconds = FigureTerms.of(r50, Devices.resolve("t4:tensorrt")).seconds(0.4, 0.6, 2.0e-5, inference);
        Path csv = csv(dir, String.format(Locale.ROOT, "resnet18,3x224x224,1,int8,%.9f,planted,r18.json%n"
                + "resnet50,3x224x224,1,int8,%.9f,planted,%n", (kernels + inference) * 1e3, r50Seconds * 1e3));
        List<PublishedFigure> figures = PublishedFigures.read(csv);
        assertTrue(figures.get(0).profile().size() > 10);
        DeviceProfile t4 = Devices.resolve("t4:tensorrt");
        assertEquals(figures.get(0).profile().size(), RuntimeFit.profiledKernels(figures, t4));
        RuntimeFit.Result fit = RuntimeFit.fit(figures, t4);
        assertEquals(0.4, fit.computeEfficiency(), 0.02);
        assertEquals(2.0e-5, fit.kernelOverheadSeconds(), 2e-6);
        assertEquals(1.0e-4, fit.inferenceOverheadSeconds(), 2e-5);
        assertEquals(figures.get(0).seconds(), fit.fittedSeconds()[0], 0.02 * figures.get(0).seconds());
    }

    @Test
    void anOnnxRuntimeTraceIsReadAsMeanSecondsPerRun(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("ort.json");
        Files.writeString(trace, """
                [{"cat": "Session", "name": "model_run", "dur": 900},
                 {"cat": "Node", "name": "conv1_kernel_time", "dur": 100, "args": {"op_name": "Conv"}},
                 {"cat": "Node", "name": "fc_kernel_time", "dur": 40},
                 {"cat": "Session", "name": "model_run", "dur": 900},
                 {"cat": "Node", "name": "conv1_kernel_time", "dur": 120},
                 {"cat": "Node", "name": "fc_kernel_time", "dur": 60}]
                """);
        var profile = LayerProfile.read(trace);
        assertEquals(List.of("conv1", "fc"), List.copyOf(profile.keySet()));
        assertEquals(110e-6, profile.get("conv1"), 1e-12);
        assertEquals(50e-6, profile.get("fc"), 1e-12);
    }

    @Test
    void aProfileThatIsNoneOfTheFormatsOrIsMissingIsBadInput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.json"), "[{\"foo\": 1}]");
        BadInputException wrong = assertThrows(BadInputException.class,
                () -> PublishedFigures.read(csv(dir, "resnet18,3x224x224,1,int8,1,a,x.json\n")));
        assertTrue(wrong.getMessage().contains("neither a trtexec profile"), wrong.getMessage());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> PublishedFigures.read(csv(dir, "resnet18,3x224x224,1,int8,1,a,nope.json\n")));
        assertTrue(missing.getMessage().contains("figures.csv:2:7: field 'profile' names"), missing.getMessage());
    }
}
