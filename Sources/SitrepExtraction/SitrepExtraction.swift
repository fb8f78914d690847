// Extraction: see Extractor.swift
