package org.reciprocity.portal.support;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;

/**
 * A certificate for localhost made by the JDK's keytool at test time, in the two forms an operator gives the
 * exchange (a PKCS#12 keystore, or PEM files), and a TLS context for a client that trusts it and nothing else.
 */
public record SelfSignedCertificate(Path pkcs12, String password, Path certificatePem, Path privateKeyPem) {

    private static final String ALIAS = "exchange";

    public static SelfSignedCertificate generate() throws IOException, InterruptedException,
            GeneralSecurityException {
        Path folder = TestDatabases.folder("tls");
        Path pkcs12 = folder.resolve("exchange.p12");
        String password = "test-keystore-password";
        Process keytool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", pkcs12.toString(), "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + said);
        }
        KeyStore store = load(pkcs12, password);
        Path certificatePem = folder.resolve("exchange.crt");
        Path privateKeyPem = folder.resolve("exchange.key");
        Files.writeString(certificatePem, pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()));
        Files.writeString(privateKeyPem, pem("PRIVATE KEY", store.getKey(ALIAS, password.toCharArray()).getEncoded()));
        return new SelfSignedCertificate(pkcs12, password, certificatePem, privateKeyPem);
    }

    /** TLS for a client that trusts this certificate only. */
    public SSLContext trusted() throws IOException, GeneralSecurityException {
        Certificate certificate = load(pkcs12, password).getCertificate(ALIAS);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path pkcs12, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
