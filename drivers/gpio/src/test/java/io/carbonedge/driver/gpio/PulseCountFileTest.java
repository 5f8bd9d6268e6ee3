package io.carbonedge.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PulseCountFileTest {

    @TempDir
    Path dir;

    @Test
    void noFileYetMeansNoCount() throws Exception {
        assertThat(new PulseCountFile(dir.resolve("m.pulses")).load()).isEmpty();
    }

    @Test
    void aSavedCountIsLoadedBackAndTheTemporaryFileIsGone() throws Exception {
        PulseCountFile file = new PulseCountFile(dir.resolve("state/gpio/m.pulses"));
        file.save(123_456_789_012L);
        file.save(123_456_789_013L);

        assertThat(new PulseCountFile(file.path()).load()).hasValue(123_456_789_013L);
        assertThat(Files.readString(file.path())).isEqualTo("123456789013\n");
        try (var files = Files.list(file.path().getParent())) {
            assertThat(files).containsExactly(file.path());
        }
    }

    @Test
    void aFileThatHoldsNoCountIsUnreadable() throws Exception {
        Path path = dir.resolve("m.pulses");
        for (String content : new String[] {"", "12x", "-5", "\u0000\u0000"}) {
            Files.writeString(path, content);
            assertThatThrownBy(() -> new PulseCountFile(path).load())
                    .isInstanceOf(PulseCountFile.Unreadable.class)
                    .hasMessageContaining("does not hold a pulse count");
        }
    }

    @Test
    void anUnreadableFileIsMovedAside() throws Exception {
        Path path = dir.resolve("m.pulses");
        Files.writeString(path, "garbage");
        Path aside = new PulseCountFile(path).moveAside(1700000000000L);

        assertThat(aside).hasFileName("m.pulses.unreadable-1700000000000").hasContent("garbage");
        assertThat(path).doesNotExist();
    }
}
