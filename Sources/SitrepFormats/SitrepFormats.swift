// Decoders: see DocumentDecoder.swift
