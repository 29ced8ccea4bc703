# frozen_string_literal: true
# -*- encoding: utf-8 -*-
# stub: broken 1.0 ruby lib

Gem::Specification.new do |s|
  s.name = "bundler".freeze
  s.summary = "no version here"

  s.required_rubygems_version = Gem::Requirement.new(">= 2.5.2".freeze) if s.respond_to? :required_rubygems_version=
  s.metadata = { "bug_tracker_uri" => "https://github.com/bundler/bundler/issues", "changelog_uri" => "https://github.com/bundler/bundler/blob/master/CHANGELOG.md", "homepage_uri" => "https://bundler.io/", "source_code_uri" => "https://github.com/bundler/bundler/" } if s.respond_to? :metadata=
  s.require_paths =