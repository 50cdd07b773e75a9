# wagi-echo-c: Wagi echo app: CGI environment, argv and stdin (C), run by the spin task driver (NomadWasm).
#
#   nomad job run -var app_artifact=<go-getter source> -var domain=wagi-echo-c.example.com jobs/wagi-echo-c/wagi-echo-c.nomad.hcl
#
# The app directory (spin.toml + .wasm files, as in jobs/wagi-echo-c/) reaches the task through the
# artifact block; the driver serves it with `nomad-wasm up` on the group's "http" port, and
# Consul (service block) plus Traefik's Consul Catalog provider (tags) route Host(domain) to it.

variable "app_artifact" {
  type        = string
  description = "go-getter source of the app directory: an https tarball, an s3:: or git:: URL"
  default     = "https://apps.example.com/wagi-echo-c.tar.gz"
}

variable "domain" {
  type        = string
  description = "host name Traefik routes to this app"
  default     = "wagi-echo-c.localhost"
}

job "wagi-echo-c" {
  datacenters = ["*"]
  type        = "service"

  group "app" {
    count = 1

    network {
      port "http" {}
    }

    service {
      name     = "wagi-echo-c"
      provider = "consul"
      port     = "http"

      tags = [
        "traefik.enable=true",
        "traefik.http.routers.wagi-echo-c.rule=Host(`${var.domain}`)",
        "traefik.http.routers.wagi-echo-c.entrypoints=web",
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
        destination = "local/wagi-echo-c"
      }

      config {
        # spin.toml or its directory, relative to the task directory
        app  = "local/wagi-echo-c"
        port = "http"

        # per-request deadline for the guest
        request_timeout = "30s"
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
