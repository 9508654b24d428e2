package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {

    @TempDir Path folder;

    @Test
    void createdFileHoldsOneCurrentKeyReadableByItsOwnerOnly() throws Exception {
        var file = folder.resolve("keys/master.keys");

        var id = MasterKeyFile.create(file);

        assertThat(Files.readAllLines(file))
                .contains("current=" + id)
                .anySatisfy(line -> assertThat(line).startsWith("key." + id + "="));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(MasterKeyFile.load(file).currentId()).isEqualTo(id);
        assertThat(MasterKeyFile.load(file).current().getEncoded()).hasSize(32);
    }

    @Test
    void createNeverOverwritesAnExistingFile() {
        var file = folder.resolve("master.keys");
        MasterKeyFile.create(file);

        assertThatThrownBy(() -> MasterKeyFile.create(file))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void addedKeyBecomesCurrentAndTheOldOneStays() throws Exception {
        var file = folder.resolve("master.keys");
        var oldId = MasterKeyFile.create(file);
        var oldKey = MasterKeyFile.load(file).current();

        var newId = MasterKeyFile.addKey(file);

        var keys = MasterKeyFile.load(file);
        assertThat(keys.currentId()).isEqualTo(newId);
        assertThat(keys.byId(oldId)).contains(oldKey);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void currentKeyCannotBeRetired() {
        var file = folder.resolve("master.keys");
        var id = MasterKeyFile.create(file);

        assertThatThrownBy(() -> MasterKeyFile.retire(file, id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be retired");
    }

    @Test
    void keyOfWrongLengthIsRefusedWithoutShowingIt() throws Exception {
        var file = folder.resolve("master.keys");
        var shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Files.writeString(file, "current=a\nkey.a=" + shortKey + "\n");

        assertThatThrownBy(() -> MasterKeyFile.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not 32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void fileWithoutCurrentKeyIsRefused() throws Exception {
        var file = folder.resolve("master.keys");
        Files.writeString(file, "key.a=" + Base64.getEncoder().encodeToString(new byte[32]));

        assertThatThrownBy(() -> MasterKeyFile.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no current key");
    }

    @Test
    void masterKeysShowIdsButNoKeyMaterial() {
        var file = folder.resolve("master.keys");
        var id = MasterKeyFile.create(file);
        var keys = MasterKeyFile.load(file);

        var encoded = Base64.getEncoder().encodeToString(keys.current().getEncoded());

        assertThat(keys.toString()).contains(id).doesNotContain(encoded);
    }
}
