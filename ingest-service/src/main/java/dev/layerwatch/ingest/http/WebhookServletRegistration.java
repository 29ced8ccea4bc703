package dev.layerwatch.ingest.http;

import dev.layerwatch.ingest.intake.WebhookIntake;
import dev.layerwatch.ingest.metrics.IngestMetrics;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts {@link WebhookServlet} under {@code /webhooks/*}, beside Spring MVC's dispatcher (actuator stays there). */
@Configuration(proxyBeanMethods = false)
public class WebhookServletRegistration {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookIntake intake, IngestMetrics metrics, IngestWebhookProperties properties) {
        ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(new WebhookServlet(intake, metrics, properties), "/webhooks/*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
