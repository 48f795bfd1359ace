package main

import "errors"

func runRender(e *env, args []string) error   { return errors.New("render: not implemented yet") }
func runDowntime(e *env, args []string) error { return errors.New("downtime: not implemented yet") }
func runConvert(e *env, args []string) error  { return errors.New("convert: not implemented yet") }
func runNew(e *env, args []string) error      { return errors.New("new: not implemented yet") }
func runVersion(e *env, args []string) error  { return errors.New("version: not implemented yet") }
