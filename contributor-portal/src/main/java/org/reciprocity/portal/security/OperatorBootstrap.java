package org.reciprocity.portal.security;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.Refusal;
import org.reciprocity.core.participant.ApiKeys;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.participant.RegisterParticipant;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.portal.ExchangeProfiles;
import org.reciprocity.portal.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers the first operator, so that somebody can register everybody else. Its key comes from
 * {@code EXCHANGE_OPERATOR_KEY} when set; otherwise one is generated and written, once, to
 * {@code <data-dir>/operator.key}, readable by its owner alone. The log says where, never what.
 */
@Component
@Profile(ExchangeProfiles.SERVING)
@Order(1)
class OperatorBootstrap implements ApplicationRunner {

    static final String OPERATOR_ID = "operator";
    static final String KEY_FILE = "operator.key";

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final ParticipantDirectory directory;
    private final CommandGateway commands;
    private final Path dataDir;
    private final String configuredKey;
    private final String operatorName;
    private final String operatorCountry;

    OperatorBootstrap(ParticipantDirectory directory, CommandGateway commands,
                      @Value("${exchange.data-dir}") Path dataDir,
                      @Value("${exchange.operator.initial-key:}") String configuredKey,
                      @Value("${exchange.operator.name}") String operatorName,
                      @Value("${exchange.operator.country}") String operatorCountry) {
        this.directory = directory;
        this.commands = commands;
        this.dataDir = dataDir;
        this.configuredKey = configuredKey;
        this.operatorName = operatorName;
        this.operatorCountry = operatorCountry;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path keyFile = dataDir.resolve(KEY_FILE).toAbsolutePath();
        Path pending = keyFile.resolveSibling(KEY_FILE + ".pending");
        if (directory.hasAny(ParticipantKind.OPERATOR)) {
            if (!configuredKey.isBlank()) {
                log.info("EXCHANGE_OPERATOR_KEY is only read when the exchange first starts; an operator is "
                        + "registered already, so it is ignored");
            }
            if (Files.exists(pending)) {
                log.warn("{} holds a generated operator key whose registration was not confirmed; if {} is missing, "
                        + "that key is the first operator's", pending, keyFile);
            }
            return;
        }
        if (!configuredKey.isBlank()) {
            // Its shape was checked before the start (OperatorKeyCheck).
            if (register(configuredKey)) {
                log.info("Registered the first operator '{}' with the key from EXCHANGE_OPERATOR_KEY", OPERATOR_ID);
            }
            return;
        }
        if (Files.exists(keyFile)) {
            throw new StartRefusedException(keyFile + " exists but no operator is registered in this database: the "
                    + "file belongs to another one", "Move " + keyFile + " away and start again, or point "
                    + "EXCHANGE_DB_URL at the database it belongs to");
        }
        // Written before the registration, so that a registered key is never one that could not be written down.
        // Should the registration fail midway the file stays: whether the key took effect is then unknown.
        String key = ApiKeys.generate();
        writeOwnerOnly(pending, key);
        if (register(key)) {
            moveIntoPlace(pending, keyFile);
            log.info("Registered the first operator '{}'; its API key is in {} (readable by its owner only)",
                    OPERATOR_ID, keyFile);
        } else {
            deleteQuietly(pending);
        }
    }

    /** @return false when another node registered the first operator at the same moment */
    private boolean register(String key) {
        try {
            commands.sendAndWait(new RegisterParticipant(new ParticipantProfile(OPERATOR_ID, ParticipantKind.OPERATOR,
                    operatorName, "government-national", operatorCountry), ApiKeys.hash(key), "exchange-bootstrap"));
            return true;
        } catch (Refusal e) {
            // By its reason: registered on another node, the refusal arrives over the bus without its type.
            if (e.reason() != Refusal.Reason.ALREADY_REGISTERED) {
                throw e;
            }
            log.info("The first operator was registered by another node; its key is in that node's data folder");
            return false;
        }
    }

    private static void writeOwnerOnly(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createFile(file);
                log.warn("{} is on a file system without POSIX permissions: restrict who may read it by hand", file);
            }
            Files.writeString(file, key + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the operator key under " + file.getParent(), e);
        }
    }

    private static void moveIntoPlace(Path pending, Path keyFile) {
        try {
            Files.move(pending, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("the first operator is registered, but its key could not be moved from "
                    + pending + " to " + keyFile + ": take it from there", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
