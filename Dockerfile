# The exchange as a container image: built from source with the Maven wrapper, run as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/exchange --create-home exchange \
    && mkdir -p /var/lib/exchange/data && chown exchange /var/lib/exchange/data && chmod 700 /var/lib/exchange/data
COPY --from=build /src/contributor-portal/target/contributor-portal-*-exec.jar /opt/exchange/exchange.jar
USER exchange
WORKDIR /var/lib/exchange
ENV EXCHANGE_DATA_DIR=/var/lib/exchange/data
VOLUME /var/lib/exchange/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/exchange/exchange.jar"]
