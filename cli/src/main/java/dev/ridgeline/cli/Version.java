package dev.ridgeline.cli;

import dev.ridgeline.core.RidgelineException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The tool's version, from the version.properties that the build fills in. */
public final class Version implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** The project version, e.g. "0.1.0". */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new RidgelineException("the build left out " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new RidgelineException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ridgeline " + current(), "Java " + System.getProperty("java.version")};
    }
}
