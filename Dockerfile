# The exchange as a container image: built from source with the Maven wrapper, run as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The wrapper and the poms alone first: Maven and every dependency and plugin are fetched in a layer of their own,
# which stays cached until a pom changes, so a change to the sources rebuilds without downloading anything again.
# The modules' own artifacts are built below, not fetched (go-offline passes over the reactor's modules).
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
COPY exchange-core/pom.xml exchange-core/
COPY reciprocity-ledger/pom.xml reciprocity-ledger/
COPY contributor-portal/pom.xml contributor-portal/
COPY exchange-bench/pom.xml exchange-bench/
RUN ./mvnw -B -ntp dependency:go-offline
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
# data: this node's own files. keys: what several nodes must share (the audit signing key), when a volume is mounted
# there; created here so that a new volume takes the exchange user's ownership.
RUN useradd --system --home-dir /var/lib/exchange --create-home exchange \
    && mkdir -p /var/lib/exchange/data /var/lib/exchange/keys \
    && chown exchange /var/lib/exchange/data /var/lib/exchange/keys \
    && chmod 700 /var/lib/exchange/data /var/lib/exchange/keys
COPY --from=build /src/contributor-portal/target/contributor-portal-*-exec.jar /opt/exchange/exchange.jar
USER exchange
WORKDIR /var/lib/exchange
ENV EXCHANGE_DATA_DIR=/var/lib/exchange/data
VOLUME /var/lib/exchange/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/exchange/exchange.jar"]
