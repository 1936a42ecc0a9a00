package org.reciprocity.ledger.integrity;

import org.reciprocity.core.chain.ChainHead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key pair that signs checkpoints, kept as two PEM files: the private key (PKCS#8, readable by its owner
 * alone) and beside it the public key ({@code .pub}, X.509), which anyone may have. Generated on first use when the
 * files do not exist; every node of one exchange is given the same files. A process that only verifies (the audit
 * command line) may hold the public key alone, or neither.
 */
public final class CheckpointKeys {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * The key pair in {@code privateKeyFile} and its {@code .pub} beside it, or what there is of it.
     *
     * @param generate whether to generate the pair when neither file exists
     */
    public static CheckpointKeys load(Path privateKeyFile, boolean generate) {
        Path publicKeyFile = publicKeyFileOf(privateKeyFile);
        try {
            if (generate && !Files.exists(privateKeyFile) && !Files.exists(publicKeyFile)) {
                generate(privateKeyFile, publicKeyFile);
            }
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            return new CheckpointKeys(Files.exists(privateKeyFile)
                    ? ed25519.generatePrivate(new PKCS8EncodedKeySpec(Pem.read(privateKeyFile, "PRIVATE KEY")))
                    : null, Files.exists(publicKeyFile)
                    ? ed25519.generatePublic(new X509EncodedKeySpec(Pem.read(publicKeyFile, "PUBLIC KEY"))) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint signing key " + privateKeyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint signing key " + privateKeyFile + " is not an Ed25519 key "
                    + "pair in PEM", e);
        }
    }

    public static Path publicKeyFileOf(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
    }

    /** A public key as an auditor was given it (PEM). */
    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Pem.decode(pem,
                    "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM", e);
        }
    }

    public boolean canSign() {
        return privateKey != null && publicKey != null;
    }

    public Checkpoint sign(ChainHead head, Instant now) {
        if (!canSign()) {
            throw new IllegalStateException("this process holds no checkpoint signing key pair");
        }
        // To the millisecond: the instant is signed as text, and must read back from any database exactly as signed.
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Checkpoint unsigned = new Checkpoint(head.position(), head.link(), at, keyId(publicKey), null);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(unsigned.signedText());
            return new Checkpoint(head.position(), head.link(), at, unsigned.keyId(),
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    public PublicKey publicKey() {
        if (publicKey == null) {
            throw new IllegalStateException("this process holds no checkpoint public key: give the one the exchange "
                    + "published");
        }
        return publicKey;
    }

    public String keyIdOfPublicKey() {
        return keyId(publicKey());
    }

    public String publicKeyPem() {
        return Pem.encode(publicKey().getEncoded(), "PUBLIC KEY");
    }

    /** Whether the checkpoint was signed by the holder of this public key, as it stands. */
    public static boolean isSignedBy(Checkpoint checkpoint, PublicKey key) {
        if (checkpoint.signature() == null || checkpoint.link() == null || checkpoint.signedAt() == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(checkpoint.signedText());
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static void generate(Path privateKeyFile, Path publicKeyFile) throws IOException,
            GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(privateKeyFile.toAbsolutePath().getParent());
        try {
            Files.createFile(privateKeyFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(privateKeyFile);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(privateKeyFile, Pem.encode(pair.getPrivate().getEncoded(), "PRIVATE KEY"),
                StandardCharsets.US_ASCII);
        Files.writeString(publicKeyFile, Pem.encode(pair.getPublic().getEncoded(), "PUBLIC KEY"),
                StandardCharsets.US_ASCII);
    }

    /** PEM: base64 between BEGIN and END lines, as openssl writes and reads it. */
    private static final class Pem {

        static String encode(byte[] der, String label) {
            return "-----BEGIN " + label + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END " + label + "-----\n";
        }

        static byte[] read(Path file, String label) throws IOException {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), label);
        }

        static byte[] decode(String pem, String label) {
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            int from = pem.indexOf(begin);
            int to = pem.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("no " + label + " in PEM");
            }
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        }
    }
}
