package org.reciprocity.portal.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The node's data folder, readable by the exchange's own user only: it holds the embedded database (every event, RED
 * values included), the first operator's key and the checkpoint signing key. The folder is made {@code 0700} before the
 * database is first opened, so no other local user can read a file in it whatever its own mode; once the exchange has
 * started, every file in it is made {@code 0600} as well, for the day the folder is copied elsewhere.
 */
class DataFolder implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataFolder.class);

    private final Path folder;
    private final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    DataFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            closeFolder();
        }
        return bean;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        if (!posix || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).forEach(this::closeFile);
        } catch (IOException e) {
            log.warn("Could not list the files in {} to make them readable by this user only: {}", folder,
                    e.getMessage());
        }
    }

    private void closeFile(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            // One file of another owner (copied in by hand, say) must not leave the others open.
            log.warn("Could not make {} readable by this user only: {}", file, e.getMessage());
        }
    }

    private void closeFolder() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder, e);
        }
        if (!posix) {
            return;
        }
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            // A folder mounted from elsewhere may belong to another user; its owner must close it.
            log.warn("Could not make the data folder {} readable by this user only ({}): make it mode 0700, owned "
                    + "by the user the exchange runs as", folder, e.getMessage());
        }
    }
}
