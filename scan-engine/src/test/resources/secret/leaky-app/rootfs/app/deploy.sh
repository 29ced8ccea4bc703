#!/bin/sh
export GITHUB_TOKEN="ghp_ZNbrKIRaGSxoHYL9f6SN23dsP8KvZJLIke1q"
git clone https://x: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@github.com/acme/app.git
