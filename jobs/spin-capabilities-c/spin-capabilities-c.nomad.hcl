# spin-capabilities-c: Spin variables, key-value, outbound HTTP and Redis (C), run by the spin task driver (NomadWasm).
#
#   nomad job run -var app_artifact=<go-getter source> -var domain=spin-capabilities-c.example.com jobs/spin-capabilities-c/spin-capabilities-c.nomad.hcl
#
# The app directory (spin.toml + .wasm files, as in jobs/spin-capabilities-c/) reaches the task through the
# artifact block; the driver serves it with `nomad-wasm up` on the group's "http" port, and
# Consul (service block) plus Traefik's Consul Catalog provider (tags) route Host(domain) to it.

variable "app_artifact" {
  type        = string
  description = "go-getter source of the app directory: an https tarball, an s3:: or git:: URL"
  default     = "https://apps.example.com/spin-capabilities-c.tar.gz"
}

variable "domain" {
  type        = string
  description = "host name Traefik routes to this app"
  default     = "spin-capabilities-c.localhost"
}

job "spin-capabilities-c" {
  datacenters = ["*"]
  type        = "service"

  group "app" {
    count = 1

    network {
      port "http" {}
    }

    service {
      name     = "spin-capabilities-c"
      provider = "consul"
      port     = "http"

      tags = [
        "traefik.enable=true",
        "traefik.http.routers.spin-capabilities-c.rule=Host(`${var.domain}`)",
        "traefik.http.routers.spin-capabilities-c.entrypoints=web",
      ]

      check {
        name     = "spin-health"
        type     = "http"
        path     = "/.well-known/spin/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    restart {
      attempts = 3
      delay    = "5s"
      interval = "1m"
      mode     = "delay"
    }

    task "app" {
      driver = "spin"

      artifact {
        source      = var.app_artifact
        destination = "local/spin-capabilities-c"
      }

      config {
        # spin.toml or its directory, relative to the task directory
        app  = "local/spin-capabilities-c"
        port = "http"

        # per-request deadline for the guest
        request_timeout = "30s"
        # Spin application variables (spin.toml [variables]); Vault-backed values can come from a
        # template block with env = true and SPIN_VARIABLE_<NAME> instead.
        variables = {
          greeting_target = "Nomad"
        }

        # Extra environment for every component (spin.toml environment still applies).
        env = {
          APP_MODE = "nomad"
        }
      }

      # memory also caps each instance's linear memory (--memory-limit-mb)
      resources {
        cpu    = 100
        memory = 64
      }

      kill_timeout = "10s"
    }
  }
}
