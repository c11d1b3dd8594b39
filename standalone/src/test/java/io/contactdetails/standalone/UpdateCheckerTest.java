package io.contactdetails.standalone;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's update checker, unless asked for, neither phones home nor writes under the user's home. It skips itself
 * in a JVM running tests, so the service runs in a JVM of its own, with a home of its own and none of the
 * environment variables that turn the checker off.
 */
class UpdateCheckerTest {

    @Test
    void theServiceLeavesTheUserHomeAloneUnlessAskedToCheckForUpdates() throws Exception {
        Path dataDirectory = RunningService.newDataDirectory();
        Path home = Files.createDirectories(dataDirectory.resolveSibling(dataDirectory.getFileName() + "-home"));
        try (ServiceJvm service = ServiceJvm.start(dataDirectory, Path.of(dataDirectory + ".log"),
                List.of("-Duser.home=" + home), environment -> environment.remove("AXONIQ_UPDATE_CHECKER_DISABLED"))) {
            assertThat(home.resolve(".axoniq")).doesNotExist();
            assertThat(service.logText()).doesNotContain("AxonIQ UpdateChecker");
        }
    }
}
