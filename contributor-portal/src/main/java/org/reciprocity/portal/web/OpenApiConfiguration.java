package org.reciprocity.portal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI exchangeApi() {
        return new OpenAPI()
                .info(new Info().title("Reciprocity Exchange API").version("1")
                        .description("Contribute threat telemetry, draw from the shared pool within the credit your "
                                + "contributions earn, and audit the history. Errors are application/problem+json. "
                                + "See docs/api.md."))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("the participant's API key, as issued at registration")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
